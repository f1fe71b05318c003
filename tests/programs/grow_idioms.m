A = [];
A(end+1, :) = [1 2];
A(end+1, :) = [3 4]
B = zeros(0, 3);
B(end+1, :) = [1 2 3]
C = [];
C(:, end+1) = [1; 2];
C(:, end+1) = [3; 4]
D = [];
for k = 1:3, D = [D, k]; end
D
E = [];
for k = 1:2, E = [E; k, -k]; end
E
s = [];
s(3) = 5
t = zeros(2);
t(3, 3) = 1
u = 1:3;
u(:) = 0
v = [];
v(2, :) = [1 2]
w = 'ab';
w(4) = 'd';
double(w)
