X = [1 1; 1.5 2; 3 4; 5 7; 3.5 5; 4.5 5; 3.5 4.5];
C = [1 1; 5 7];
for it = 1:5
  lab = zeros(rows(X), 1);
  for i = 1:rows(X)
    d = sum((C - X(i,:)).^2, 2);
    [~, lab(i)] = min(d);
  end
  for c = 1:2
    C(c,:) = mean(X(lab == c, :), 1);
  end
end
lab'
printf('%.4f %.4f\n', C');
