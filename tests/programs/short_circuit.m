a = 0;
if a ~= 0 && 1/a > 1
  disp('no')
else
  disp('guarded')
end
b = [];
if isempty(b) || b(1) > 0
  disp('empty ok')
end
