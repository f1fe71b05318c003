s = 'abc';
s(end+1) = 'x'
s(2) = []
t = 'hello';
t([1 end]) = 'HO'
