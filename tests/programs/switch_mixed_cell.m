x = 'b';
switch x
  case {1, 'b'}
    disp('matched mixed')
  otherwise
    disp('no')
end
