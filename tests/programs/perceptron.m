X = [0 0; 0 1; 1 0; 1 1];
y = [0; 0; 0; 1];
w = [0 0]; b = 0;
for epoch = 1:10
  for i = 1:4
    p = (X(i,:) * w' + b) > 0;
    w = w + (y(i) - p) * X(i,:);
    b = b + (y(i) - p);
  end
end
w, b
(X * w' + b > 0)'
