1;
function r = inner(x)
  r = x + 1
end
function r = outer(x)
  r = inner(x) * 2
end
outer(1);
