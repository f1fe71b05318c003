total = 0;
for k = 1:4
  try
    if k == 2, error('skip'); end
    total = total + k;
  catch
    continue;
  end
end
total
