x = 5; if x > 3, disp('big'), else, disp('small'), end
for i = 1:3, if mod(i, 2), printf('%d odd\n', i); end, end
