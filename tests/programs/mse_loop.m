y = [1 2 3]; yhat = [1.5 2 2];
e = 0;
for i = 1:3
  e += (y(i) - yhat(i))^2;
end
mse = e / 3
