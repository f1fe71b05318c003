x=3;y=4;
if(x>1) disp('paren if'), end
for(i=1:2) printf('%d\n',i); end
k=0; while(k<2) k=k+1; end, k
switch(x) case 3, disp('three'); end
