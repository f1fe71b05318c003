v = zeros(1, 3);
for k = 1:4
  try
    v(k) = k;
    w = v(k + 1);
  catch err
    printf('step %d: %s\n', k, 'failed');
  end
end
v
