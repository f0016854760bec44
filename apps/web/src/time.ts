// Times on screen are Beijing's, whatever the browser's zone (issue 13 §6: "today" is Beijing's date everywhere).
export const beijingTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
