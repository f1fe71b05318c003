1;
function r = mypow(x, n)
  if n == 0
    r = 1;
  elseif mod(n, 2) == 0
    h = mypow(x, n/2);
    r = h * h;
  else
    r = x * mypow(x, n-1);
  end
end
mypow(2, 10)
mypow(3, 5)
