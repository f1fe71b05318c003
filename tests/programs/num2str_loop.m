for k = [1 2.5 -3]
  disp(['value: ' num2str(k)])
end
