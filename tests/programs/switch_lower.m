cmd = 'STOP';
switch lower(cmd)
  case 'go', disp('going')
  case 'stop', disp('stopping')
end
