A = [1 2 3; 2 5 6; 3 6 9];
sym = true;
for i = 1:3
  for j = i+1:3
    if A(i,j) ~= A(j,i)
      sym = false;
    end
  end
end
sym
