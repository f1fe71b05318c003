s = 'hello world';
s(s == ' ') = '_'
numel(s)
length(s)
