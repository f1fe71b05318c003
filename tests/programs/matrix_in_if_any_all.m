A = [1 2; 0 4];
if all(A(:))
  disp('all nonzero');
else
  disp('has zero');
end
if any(A(:) == 4), disp('has four'), end
