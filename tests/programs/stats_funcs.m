v = [2 4 4 4 5 5 7 9];
mean(v)
median(v)
std(v)
var(v)
mode(v)
