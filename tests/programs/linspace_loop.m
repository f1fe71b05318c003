x = linspace(0, 1, 5);
y = zeros(size(x));
for k = 1:numel(x)
  y(k) = x(k)^2;
end
y
