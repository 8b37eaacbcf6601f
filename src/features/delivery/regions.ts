/**
 * A small built-in 省/市/区 list for the address picker outside WeChat (in WeChat the user's own
 * address book is offered first). The district serves enterprises of 福州 and its neighbours;
 * anything else is written in the detail field.
 */
export interface RegionOption {
  text: string;
  value: string;
  children?: RegionOption[];
}

const leaves = (names: string[]): RegionOption[] => names.map((name) => ({ text: name, value: name }));

export const REGIONS: RegionOption[] = [
  {
    text: '福建省',
    value: '福建省',
    children: [
      { text: '福州市', value: '福州市', children: leaves(['茗溪区', '鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '闽侯县', '永泰县', '福清市']) },
      { text: '厦门市', value: '厦门市', children: leaves(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']) },
      { text: '泉州市', value: '泉州市', children: leaves(['鲤城区', '丰泽区', '洛江区', '泉港区', '晋江市', '石狮市', '南安市']) },
      { text: '莆田市', value: '莆田市', children: leaves(['城厢区', '涵江区', '荔城区', '秀屿区', '仙游县']) },
      { text: '宁德市', value: '宁德市', children: leaves(['蕉城区', '福安市', '福鼎市', '霞浦县', '古田县']) },
    ],
  },
];
