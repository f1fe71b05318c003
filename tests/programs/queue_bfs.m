adj = [0 1 1 0; 1 0 0 1; 1 0 0 1; 0 1 1 0];
visited = false(1, 4);
queue = 1;
visited(1) = true;
order = [];
while ~isempty(queue)
  u = queue(1);
  queue(1) = [];
  order(end+1) = u;
  for w = find(adj(u, :))
    if ~visited(w)
      visited(w) = true;
      queue(end+1) = w;
    end
  end
end
order
