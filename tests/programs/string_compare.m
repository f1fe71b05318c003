s = 'banana';
sum(s == 'a')
find(s == 'n')
