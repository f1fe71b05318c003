1;
function g = rgcd(a, b)
  if b == 0
    g = a;
  else
    g = rgcd(b, mod(a, b));
  end
end
rgcd(1071, 462)
