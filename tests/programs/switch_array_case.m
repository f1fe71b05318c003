x = 2;
switch x
  case [1 2]
    disp('array case')
  otherwise
    disp('otherwise')
end
