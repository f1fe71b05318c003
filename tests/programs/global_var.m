1;
function incr()
  global counter
  counter = counter + 1;
end
global counter
counter = 0;
for k = 1:3, incr(); end
counter
