a = 1:0
b = zeros(0, 3);
size(b)
isempty(find([0 0]))
any([])
all([])
max([])
