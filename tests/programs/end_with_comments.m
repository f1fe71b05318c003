for i = 1:2 % a
  if i == 2 # b
    disp(i) % c
  end % d
end % e
