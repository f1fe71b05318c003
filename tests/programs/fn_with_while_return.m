1;
function k = first_power_over(b, t)
  k = 0;
  while true
    if b^k > t
      return;
    end
    k++;
  end
end
first_power_over(2, 1000)
