1;
function r = bisect(a, b, tol)
  while (b - a) / 2 > tol
    c = (a + b) / 2;
    if cos(c) == 0, break; end
    if sign(cos(c)) == sign(cos(a))
      a = c;
    else
      b = c;
    end
  end
  r = (a + b) / 2;
end
printf('%.5f\n', bisect(0, 2, 1e-9));
