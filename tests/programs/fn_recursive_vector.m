1;
function v = countdown(n)
  if n == 0
    v = [];
  else
    v = [n countdown(n - 1)];
  end
end
countdown(5)
