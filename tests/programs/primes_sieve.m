N = 30;
isp = true(1, N);
isp(1) = false;
for k = 2:floor(sqrt(N))
  if isp(k)
    isp(k*k:k:N) = false;
  end
end
find(isp)
