for i = 1:2
  if i == 1
    disp('one');
  else
    disp('two');
  endif
endfor
k = 0;
while k < 2
  k++;
endwhile
switch k
  case 2
    disp('k is 2');
endswitch
try
  error('x');
catch
  disp('caught');
end_try_catch
