function lib_hanoi(n, from, to, via)
  if n == 0
    return
  end
  lib_hanoi(n - 1, from, via, to);
  printf('move %d from %s to %s\n', n, from, to);
  lib_hanoi(n - 1, via, to, from);
end
