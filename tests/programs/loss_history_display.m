loss = zeros(1, 5);
w = 2;
for k = 1:5
  loss(k) = (w - 1)^2;
  w = w - 0.5 * 2 * (w - 1);
end
loss
