'use strict';
// The messaging API (menus, customer-service messages, temporary media, template messages) through co-wechat-api,
// unmodified: only its host prefix points at the platform (spec §13.3). Run by NodeSdkIT; prints what every call
// answered as one JSON object, or the SDK's error and exit code 1.
const API = require('co-wechat-api');

const [base, appid, secret, openid, imagePath] = process.argv.slice(2);

async function main() {
  const api = new API(appid, secret);
  api.prefix = base + 'cgi-bin/';
  const answers = {};
  answers.createMenu = await api.createMenu({
    button: [
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
      { name: '菜单', sub_button: [{ type: 'view', name: '官网', url: 'https://www.example.com/' }] },
    ],
  });
  answers.getMenu = await api.getMenu();
  answers.sendText = await api.sendText(openid, 'Node 你好');
  answers.uploadMedia = await api.uploadMedia(imagePath, 'image');
  answers.sendImage = await api.sendImage(openid, answers.uploadMedia.media_id);
  answers.setIndustry = await api.setIndustry({ industry_id1: '1', industry_id2: '4' });
  answers.getIndustry = await api.getIndustry();
  answers.addTemplate = await api.addTemplate('TM00015');
  answers.sendTemplate = await api.sendTemplate(openid, answers.addTemplate.template_id,
    'https://www.example.com/orders/1', '#FF0000', {
      first: { value: '我们已收到您的货款' },
      orderMoneySum: { value: '30.00元' },
      orderProductName: { value: '保温杯' },
    });
  answers.removeMenu = await api.removeMenu();
  process.stdout.write(JSON.stringify(answers));
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(1);
});
