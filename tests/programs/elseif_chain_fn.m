1;
function g = grade(score)
  if score >= 90
    g = 'A';
  elseif score >= 80
    g = 'B';
  elseif score >= 70
    g = 'C';
  else
    g = 'F';
  end
end
for s = [95 85 72 10]
  printf('%d -> %s\n', s, grade(s));
end
