method = 'sgd';
switch method
  case 'svd'
    r = 1;
  case 'sgd'
    r = 2;
  otherwise
    r = 0;
end
r
