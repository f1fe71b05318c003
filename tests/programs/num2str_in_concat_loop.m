for k = 1:3
  disp(['Iteration ' num2str(k) ': ' num2str(k^2 / 3)]);
end
