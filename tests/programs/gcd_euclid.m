1;
function g = mygcd(a, b)
  while b ~= 0
    [a, b] = deal(b, mod(a, b));
  end
  g = a;
end
mygcd(48, 18)
