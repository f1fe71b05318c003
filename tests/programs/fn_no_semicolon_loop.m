1;
function show(n)
  for i = 1:n
    i
  end
end
show(2)
