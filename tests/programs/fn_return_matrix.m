1;
function M = outer_prod(u, v)
  M = u(:) * v(:)';
end
outer_prod([1 2], [3 4 5])
