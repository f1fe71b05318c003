1;
function check(x)
  if x < 0
    disp('negative, stop');
    return
  end
  disp('non-negative');
end
check(-1)
check(1)
