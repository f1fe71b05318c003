1;
function[a]=f(x)
a=x+1;
end
function [s,p]=g(x,y)
s=x+y;p=x*y;
end
f(1)
[s,p]=g(2,3)
