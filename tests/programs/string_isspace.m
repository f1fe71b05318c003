s = 'a b  c';
isspace(s)
sum(isspace(s))
