answer = 'yes';
if answer == 'yes'
  disp('ok')
end
