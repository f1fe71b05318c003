k = 0;
while true
  k++;
  switch k
    case 4
      break
  end
end
k
