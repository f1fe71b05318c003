a = 48; b = 18;
while b
  t = b; b = mod(a, b); a = t;
end
a
