for k = 1:3
  k * 2;
end
3 + 4;
ans
