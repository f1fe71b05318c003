w = 0; J = zeros(1, 5);
for k = 1:5
  w = w - 0.5 * (w - 4);
  J(k) = (w - 4)^2;
end
J
