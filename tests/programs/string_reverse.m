s = 'hello';
r = s(end:-1:1)
numel(s)
