1;
function t = is_even(n)
  t = mod(n, 2) == 0;
end
is_even(4)
is_even(3)
class(is_even(2))
