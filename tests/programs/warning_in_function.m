1;
function r = safe_div(a, b)
  if b == 0
    warning('division by zero, returning Inf');
    r = Inf;
  else
    r = a / b;
  end
end
safe_div(1, 0)
safe_div(6, 3)
