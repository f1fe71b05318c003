1;
function v = setfirst(v)
  v(1) = 99;
end
a = [1 2 3];
b = setfirst(a);
a
b
